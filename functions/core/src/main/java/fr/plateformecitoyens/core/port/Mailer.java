package fr.plateformecitoyens.core.port;

/** Sends a plain-text and HTML e-mail to one person. */
public interface Mailer {

    void send(String to, String subject, String text, String html);
}
