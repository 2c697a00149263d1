package shop.checkout.validation;

/**
 * The bounds a checkout request must keep. String lengths and numeric ranges are those of the OrderCreated 1.0 schema,
 * so a request that passes here always makes a valid event ({@code LimitsTest} reads the schema to hold that line).
 */
public final class Limits {

    /** Largest request body accepted, in bytes after base64 decoding; bigger bodies get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final int MAX_ITEMS = 100;
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 1000;
    /** In minor units: one million euros for a single unit is far beyond anything the shop sells. */
    public static final long MAX_UNIT_PRICE = 100_000_000L;

    public static final int MAX_CUSTOMER_ID = 128;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_CUSTOMER_NAME = 200;
    public static final int MAX_SKU = 64;
    public static final int MAX_ITEM_NAME = 200;
    public static final int MAX_ADDRESS_LINE = 200;
    public static final int MAX_CITY = 100;
    public static final int MAX_REGION = 100;
    public static final int MAX_POSTAL_CODE = 20;

    private Limits() {}
}
