package fr.plateformecitoyens.core.procedure;

/**
 * A fee asked at the end of a démarche.
 *
 * @param amountCents in euro cents, above zero
 * @param label       what the citizen pays for, e.g. « Droit de place »
 */
public record Fee(long amountCents, String label) {

    public Fee {
        if (amountCents < 1 || amountCents > 100_000_000L) {
            throw new IllegalArgumentException("a fee is between 1 cent and 1,000,000 euros");
        }
    }
}
