package fr.plateformecitoyens.media;

/**
 * A file that is not a photo the platform can keep, with the reason in French, written for the person who
 * sent it. Retrying cannot help: the same file is refused again.
 */
public final class PhotoRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public static final String NOT_AN_IMAGE = "Ce fichier n'est pas une image JPEG, PNG ou WebP.";
    public static final String DAMAGED = "Ce fichier est incomplet ou endommagé.";

    public PhotoRefused(String reason) {
        super(reason);
    }

    public PhotoRefused(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The French sentence shown to the citizen. */
    public String reason() {
        return getMessage();
    }
}
