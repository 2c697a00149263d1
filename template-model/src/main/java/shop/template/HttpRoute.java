package shop.template;

/** An {@code HttpApi} event of a function: the route API Gateway sends to it. */
public record HttpRoute(String eventName, String method, String path) {}
