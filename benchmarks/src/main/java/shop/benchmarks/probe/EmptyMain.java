package shop.benchmarks.probe;

/** The empty-JVM floor: a main that prints the same kind of line as {@link LambdaProbe} and returns. */
public final class EmptyMain {

    private EmptyMain() {}

    public static void main(String[] args) {
        System.out.println("probe mainAt=" + System.currentTimeMillis() + " init=0 prime=0 invoke=0 responseBytes=0");
    }
}
