package fr.plateformecitoyens.core.port;

import java.util.List;

/** Sends a plain-text and HTML e-mail to one person, with files attached or not. */
public interface Mailer {

    void send(String to, String subject, String text, String html);

    /**
     * Sends the e-mail with the files attached, in their order. With no attachment it is the same as
     * {@link #send(String, String, String, String)}; a mailer that cannot attach files refuses to send
     * rather than drop them.
     */
    default void send(String to, String subject, String text, String html, List<Attachment> attachments) {
        if (!attachments.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot attach files");
        }
        send(to, subject, text, html);
    }
}
