package fr.plateformecitoyens.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions and argument checks shared by the evaluation of intrinsic functions. */
final class Values {

    /** The marker of {@code AWS::NoValue} while a value is being evaluated. */
    static final Object NO_VALUE = new Object();

    private static final Pattern IPV4_BLOCK = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)/(\\d+)");

    private Values() {
    }

    /** The arguments of a function that takes exactly {@code count} of them in a list. */
    static List<?> arguments(String function, Object argument, int count, String where) {
        List<?> args = list(argument, function, where);
        if (args.size() != count) {
            throw new TemplateException(where + ": " + function + " takes " + count + " arguments, got " + args);
        }
        return args;
    }

    /** The value as a list, or a failure naming the function that needed one. */
    static List<?> list(Object value, String function, String where) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + ": " + function + " expects a list, got " + Template.describe(value));
    }

    /** The value as a boolean: a YAML boolean or the strings {@code true} and {@code false}. */
    static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new TemplateException(where + ": expected a condition (true or false), got " + Template.describe(value));
    }

    /** The value as a string; numbers and booleans are written as CloudFormation does. */
    static String text(Object value, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value == NO_VALUE) {
            throw new TemplateException(where + ": AWS::NoValue where a string is needed");
        }
        throw new TemplateException(where + ": expected a string, got " + Template.describe(value));
    }

    /**
     * {@code Fn::Cidr} for IPv4: {@code count} consecutive blocks with {@code hostBits} host bits each, from the
     * start of {@code block}.
     */
    static List<String> cidr(String block, int count, int hostBits, String where) {
        Matcher matcher = IPV4_BLOCK.matcher(block);
        if (!matcher.matches() || hostBits < 1 || hostBits > 32 - Integer.parseInt(matcher.group(5))) {
            throw new TemplateException(where + ": Fn::Cidr supports IPv4 blocks only and needs room for "
                    + hostBits + " host bits, got " + block);
        }
        long base = 0;
        for (int i = 1; i <= 4; i++) {
            base = (base << 8) | Integer.parseInt(matcher.group(i));
        }
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long address = base + ((long) i << hostBits);
            subnets.add((address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                    + (address & 255) + "/" + (32 - hostBits));
        }
        return subnets;
    }
}
