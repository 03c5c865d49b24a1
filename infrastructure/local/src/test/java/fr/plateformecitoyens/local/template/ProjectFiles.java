package fr.plateformecitoyens.local.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the files that the tests of the template read: the repository's template and the shared SAM schema. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The repository's root: the nearest folder, from the working directory up, that holds template.yaml. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
    }

    /** The project's template.yaml. */
    static Path templateFile() {
        return root().resolve("template.yaml");
    }

    /** The real template, parsed. */
    static Template template() {
        return Template.load(templateFile());
    }

    /**
     * The SAM JSON schema kept beside the repository ({@code ../shared/schemas/sam.schema.json} from its root);
     * fails with the path it looked at when the file is absent.
     */
    static Path samSchema() {
        Path schema = root().resolveSibling("shared").resolve("schemas").resolve("sam.schema.json");
        if (!Files.isRegularFile(schema)) {
            throw new IllegalStateException("The SAM schema is missing: expected " + schema.normalize()
                    + " (the folder 'shared' beside the repository, as in the project's workspace)");
        }
        return schema;
    }
}
