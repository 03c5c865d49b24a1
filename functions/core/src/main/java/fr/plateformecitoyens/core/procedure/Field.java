package fr.plateformecitoyens.core.procedure;

import java.util.List;
import java.util.Optional;

/**
 * One question of a démarche's form.
 *
 * @param name      the key of the answer in the submitted data
 * @param maxLength for text fields, the longest answer accepted (0 means the type's default)
 * @param visibleWhen when present, the field exists only under that condition (and {@code required}
 *                  then applies only under it)
 * @param accept    for a supporting document, the file types accepted (MIME types; empty means PDF, JPEG, PNG);
 *                  for a household member, {@code child} to offer only the children
 * @param maxBytes  for a supporting document, the largest file accepted (0 means 10 MB)
 */
public record Field(String name, String label, String help, FieldType type, boolean required,
        List<Choice> choices, int maxLength, Optional<Condition> visibleWhen, List<String> accept, long maxBytes) {

    /** The largest supporting document accepted unless a field says less. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public Field {
        choices = List.copyOf(choices);
        accept = accept == null ? List.of() : List.copyOf(accept);
    }

    /** A field with no file rule. */
    public Field(String name, String label, String help, FieldType type, boolean required, List<Choice> choices,
            int maxLength, Optional<Condition> visibleWhen) {
        this(name, label, help, type, required, choices, maxLength, visibleWhen, List.of(), 0);
    }

    /** True for the types whose answer must be one of {@link #choices()}. */
    public boolean isChoice() {
        return type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE;
    }

    public static Field of(String name, String label, FieldType type, boolean required) {
        return new Field(name, label, null, type, required, List.of(), 0, Optional.empty());
    }

    public Field withHelp(String text) {
        return new Field(name, label, text, type, required, choices, maxLength, visibleWhen, accept, maxBytes);
    }

    public Field withChoices(Choice... options) {
        return new Field(name, label, help, type, required, List.of(options), maxLength, visibleWhen, accept, maxBytes);
    }

    public Field withMaxLength(int length) {
        return new Field(name, label, help, type, required, choices, length, visibleWhen, accept, maxBytes);
    }

    public Field visibleWhen(String otherField, String... values) {
        return new Field(name, label, help, type, required, choices, maxLength,
                Optional.of(new Condition(otherField, List.of(values))), accept, maxBytes);
    }

    /** For a supporting document: the types accepted and the largest size; for a household member: who. */
    public Field accepting(long bytes, String... types) {
        return new Field(name, label, help, type, required, choices, maxLength, visibleWhen, List.of(types), bytes);
    }

    /** For a supporting document, the largest file accepted. */
    public long effectiveMaxBytes() {
        return maxBytes > 0 ? maxBytes : DEFAULT_MAX_BYTES;
    }

    /** The longest text accepted: the field's own limit or a default that fits the type. */
    public int effectiveMaxLength() {
        if (maxLength > 0) {
            return maxLength;
        }
        return type == FieldType.LONG_TEXT ? 4000 : 200;
    }
}
