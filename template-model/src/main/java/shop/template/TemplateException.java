package shop.template;

/** A template the tools cannot understand; the message names the resource and property at fault. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String resource, String property, String problem) {
        super("template.yaml: " + resource + "." + property + " " + problem);
    }
}
