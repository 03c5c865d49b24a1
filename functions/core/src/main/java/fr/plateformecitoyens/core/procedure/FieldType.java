package fr.plateformecitoyens.core.procedure;

/** The kinds of form field a démarche can ask for. */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, DATE, EMAIL, PHONE, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO
}
