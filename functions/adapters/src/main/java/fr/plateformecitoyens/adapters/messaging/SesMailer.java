package fr.plateformecitoyens.adapters.messaging;

import fr.plateformecitoyens.core.port.Attachment;
import fr.plateformecitoyens.core.port.Mailer;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends e-mail through SES (API v2) from the platform's verified sender: as "simple" content when there
 * is nothing to attach, as a raw MIME message built by {@link RawMessage} when there is.
 */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String sender;
    private final Clock clock;

    public SesMailer(SesV2Client ses, String sender) {
        this(ses, sender, Clock.systemUTC());
    }

    /** @param clock dates the raw messages' Date header */
    public SesMailer(SesV2Client ses, String sender, Clock clock) {
        this.ses = ses;
        this.sender = sender;
        this.clock = clock;
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

    @Override
    public void send(String to, String subject, String text, String html, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            send(to, subject, text, html);
            return;
        }
        byte[] message = RawMessage.build(sender, to, subject, text, html, attachments, clock.instant());
        ses.sendEmail(b -> b.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(to))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(message)))));
    }
}
