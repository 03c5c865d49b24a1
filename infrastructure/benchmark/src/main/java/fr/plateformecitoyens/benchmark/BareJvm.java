package fr.plateformecitoyens.benchmark;

/** The reference of the cold-start benchmark: a JVM that does nothing but print {@code {}}. */
public final class BareJvm {

    private BareJvm() {
    }

    public static void main(String[] args) {
        System.out.println("{}");
    }
}
