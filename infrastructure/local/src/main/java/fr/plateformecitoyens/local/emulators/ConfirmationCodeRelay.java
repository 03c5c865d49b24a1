package fr.plateformecitoyens.local.emulators;

import fr.plateformecitoyens.local.emulators.CodeDeliveryParser.CodeDelivery;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/**
 * Turns the confirmation codes that cognito-local prints on its console into real e-mails, sent through the local
 * SES emulator, so that the sign-up flow of the local cloud looks like production's: the citizen's code arrives in
 * the (local) mailbox.
 *
 * <p>The output reader thread calls {@link #accept(String)}; sending happens on a single background thread, so a slow
 * SES never stalls cognito-local's output. The SES client is built on the first code, not at start-up, to keep the
 * local cloud's start fast. Codes to phone numbers are remembered but not sent.
 */
final class ConfirmationCodeRelay implements Consumer<String>, AutoCloseable {

    static final String SENDER = "no-reply@example.org";
    static final String SUBJECT = "Votre code de confirmation Plateforme Citoyens";

    private static final System.Logger LOG = System.getLogger(ConfirmationCodeRelay.class.getName());

    private final Endpoints endpoints;
    private final CodeDeliveryParser parser = new CodeDeliveryParser();
    private final Map<String, List<String>> codesByDestination = new ConcurrentHashMap<>();
    private final ExecutorService mailer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cognito-code-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SesV2Client ses;

    ConfirmationCodeRelay(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void accept(String line) {
        parser.accept(line).ifPresent(this::relay);
    }

    /** The codes printed for this address (or phone number), oldest first; the address is compared ignoring case. */
    List<String> codesFor(String destination) {
        return List.copyOf(codesByDestination.getOrDefault(key(destination), List.of()));
    }

    /** Lets the e-mails already queued go out (for up to two seconds), then releases the SES client. */
    @Override
    public void close() {
        mailer.shutdown();
        try {
            if (!mailer.awaitTermination(2, TimeUnit.SECONDS)) {
                mailer.shutdownNow();
            }
        } catch (InterruptedException e) {
            mailer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (ses != null) {
            ses.close();
        }
    }

    private void relay(CodeDelivery delivery) {
        codesByDestination.computeIfAbsent(key(delivery.destination()), any -> new CopyOnWriteArrayList<>())
                .add(delivery.code());
        if (delivery.isEmail()) {
            try {
                mailer.execute(() -> send(delivery));
            } catch (RejectedExecutionException e) {
                LOG.log(Level.INFO, "Local cloud stopping: code for " + delivery.destination() + " not e-mailed");
            }
        }
    }

    private void send(CodeDelivery delivery) {
        try {
            client().sendEmail(request -> request
                    .fromEmailAddress(SENDER)
                    .destination(Destination.builder().toAddresses(delivery.destination()).build())
                    .content(EmailContent.builder().simple(message(delivery.code())).build()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not e-mail the Cognito confirmation code to " + delivery.destination()
                    + " through the local SES at " + endpoints.ses(), e);
        }
    }

    private SesV2Client client() {
        if (ses == null) {
            ses = SesV2Client.builder()
                    .endpointOverride(endpoints.ses())
                    .region(Region.of(endpoints.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(endpoints.accessKeyId(), endpoints.secretAccessKey())))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return ses;
    }

    static Message message(String code) {
        String text = "Bonjour,\n\n"
                + "Voici votre code de confirmation pour Plateforme Citoyens : " + code + "\n\n"
                + "Saisissez ce code pour activer votre compte. Si vous n'êtes pas à l'origine de cette demande, "
                + "ignorez ce message.\n\n"
                + "L'équipe Plateforme Citoyens\n";
        String html = "<p>Bonjour,</p>"
                + "<p>Voici votre code de confirmation pour Plateforme Citoyens : <strong>" + escapeHtml(code)
                + "</strong></p>"
                + "<p>Saisissez ce code pour activer votre compte. Si vous n'êtes pas à l'origine de cette demande, "
                + "ignorez ce message.</p>"
                + "<p>L'équipe Plateforme Citoyens</p>";
        return Message.builder()
                .subject(utf8(SUBJECT))
                .body(Body.builder().text(utf8(text)).html(utf8(html)).build())
                .build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }

    private static String escapeHtml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String key(String destination) {
        return destination.strip().toLowerCase(Locale.ROOT);
    }
}
