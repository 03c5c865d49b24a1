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
 */
public record Field(String name, String label, String help, FieldType type, boolean required,
        List<Choice> choices, int maxLength, Optional<Condition> visibleWhen) {

    public Field {
        choices = List.copyOf(choices);
    }

    /** True for the types whose answer must be one of {@link #choices()}. */
    public boolean isChoice() {
        return type == FieldType.SINGLE_CHOICE || type == FieldType.MULTIPLE_CHOICE;
    }

    public static Field of(String name, String label, FieldType type, boolean required) {
        return new Field(name, label, null, type, required, List.of(), 0, Optional.empty());
    }

    public Field withHelp(String text) {
        return new Field(name, label, text, type, required, choices, maxLength, visibleWhen);
    }

    public Field withChoices(Choice... options) {
        return new Field(name, label, help, type, required, List.of(options), maxLength, visibleWhen);
    }

    public Field withMaxLength(int length) {
        return new Field(name, label, help, type, required, choices, length, visibleWhen);
    }

    public Field visibleWhen(String otherField, String... values) {
        return new Field(name, label, help, type, required, choices, maxLength,
                Optional.of(new Condition(otherField, List.of(values))));
    }

    /** The longest text accepted: the field's own limit or a default that fits the type. */
    public int effectiveMaxLength() {
        if (maxLength > 0) {
            return maxLength;
        }
        return type == FieldType.LONG_TEXT ? 4000 : 200;
    }
}
