package fr.plateformecitoyens.core.procedure;

/** One allowed value of a choice field and the label the citizen reads. */
public record Choice(String value, String label) {
}
