package fr.plateformecitoyens.adapters.messaging;

import fr.plateformecitoyens.core.port.Mailer;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends e-mail through SES (API v2) from the platform's verified sender. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;

    public SesMailer(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    @Override
    public void send(String to, String subject, String text, String html) {
        ses.sendEmail(b -> b.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(subject).charset("UTF-8"))
                        .body(body -> body.text(t -> t.data(text).charset("UTF-8"))
                                .html(h -> h.data(html).charset("UTF-8"))))));
    }
}
