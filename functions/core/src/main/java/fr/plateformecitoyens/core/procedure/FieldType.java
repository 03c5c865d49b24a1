package fr.plateformecitoyens.core.procedure;

/**
 * The kinds of form field a démarche can ask for.
 *
 * <p>{@code ADDRESS} is a postal address in three parts (street, postcode, city); {@code HOUSEHOLD_MEMBER} is one
 * member of the citizen's household (« Mon foyer »), answered by its id; {@code DOCUMENT} is a supporting
 * document, answered by the id of an upload and its file name.
 */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, DATE, EMAIL, PHONE, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO,
    ADDRESS, HOUSEHOLD_MEMBER, DOCUMENT
}
