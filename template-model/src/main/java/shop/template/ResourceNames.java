package shop.template;

/**
 * How one deployment names the template's resources: the physical name a {@code Ref} yields and an ARN ends with. The
 * one thing callers of {@link IntrinsicResolver} resolve differently; everything else is CloudFormation's rules.
 */
@FunctionalInterface
public interface ResourceNames {

    /**
     * The physical name of resource {@code logicalId} of CloudFormation {@code type}; {@code resolver} offers
     * {@link IntrinsicResolver#declaredName} for a naming that honours the name the template sets.
     */
    String nameOf(String logicalId, String type, IntrinsicResolver resolver);

    /** Every resource named by its logical id, whatever name it declares: for one local or offline deployment. */
    static ResourceNames logicalIds() {
        return (logicalId, type, resolver) -> logicalId;
    }
}
