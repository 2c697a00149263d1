package shop.email;

/** Sends an email. */
public interface Mailer {

    /**
     * Sends {@code confirmation}; returns the provider's message id once the provider has accepted it.
     *
     * @throws RuntimeException when the provider did not accept it; nothing was sent and the caller may retry
     */
    String send(Confirmation confirmation);
}
