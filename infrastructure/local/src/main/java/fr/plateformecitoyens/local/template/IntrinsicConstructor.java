package fr.plateformecitoyens.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SnakeYAML constructor that turns CloudFormation's short intrinsic tags into their long JSON forms:
 * {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}},
 * {@code !Condition C} becomes {@code {"Condition": "C"}} and every other {@code !Name} becomes
 * {@code {"Fn::Name": …}} with its scalar, list or map argument.
 *
 * <p>Timestamps stay strings (CloudFormation never reads a YAML date as a date: {@code 2012-10-17} is a
 * policy version), and maps keep the order of the file.
 */
final class IntrinsicConstructor extends SafeConstructor {

    /** The short tags after {@code !} that map to {@code Fn::<name>}. */
    private static final List<String> FUNCTIONS = List.of("GetAtt", "Sub", "If", "Equals", "Not", "And", "Or",
            "Join", "Select", "Split", "FindInMap", "Base64", "GetAZs", "ImportValue", "Cidr", "Length",
            "ToJsonString", "Transform");

    IntrinsicConstructor() {
        super(loaderOptions());
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
        for (String name : FUNCTIONS) {
            yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
        }
    }

    /** CloudFormation rejects a key given twice in one map, so the parser does too. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** Builds the one-key map of a function from the tagged node, whatever its kind. */
    private final class Intrinsic extends AbstractConstruct {

        private final String key;

        Intrinsic(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            Object argument;
            if (node instanceof ScalarNode scalar) {
                argument = scalar.getValue();
                if (key.equals("Fn::GetAtt")) {
                    argument = splitAttribute(scalar.getValue());
                }
            } else if (node instanceof SequenceNode sequence) {
                argument = new ArrayList<>(constructSequence(sequence));
            } else {
                argument = new LinkedHashMap<>(constructMapping((MappingNode) node));
            }
            Map<String, Object> function = new LinkedHashMap<>();
            function.put(key, argument);
            return function;
        }

        /** {@code "A.B.C"} is resource {@code A}, attribute {@code B.C} (nested attributes keep their dots). */
        private List<Object> splitAttribute(String value) {
            int dot = value.indexOf('.');
            if (dot <= 0 || dot == value.length() - 1) {
                throw new TemplateException("!GetAtt needs Resource.Attribute, got '" + value + "'");
            }
            return new ArrayList<>(List.of(value.substring(0, dot), value.substring(dot + 1)));
        }
    }
}
