package fr.plateformecitoyens.app;

import fr.plateformecitoyens.adapters.Config;
import fr.plateformecitoyens.adapters.PlatformClock;
import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.adapters.dynamo.DynamoApiKeyStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoAccessLog;
import fr.plateformecitoyens.adapters.dynamo.DynamoBookingStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoReportStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoCatalogue;
import fr.plateformecitoyens.adapters.dynamo.DynamoDefinitionStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoHouseholdStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoInbox;
import fr.plateformecitoyens.adapters.dynamo.DynamoStatistics;
import fr.plateformecitoyens.adapters.dynamo.DynamoLedger;
import fr.plateformecitoyens.adapters.dynamo.DynamoProcedureVersions;
import fr.plateformecitoyens.adapters.dynamo.DynamoMessageStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoResourceCatalogue;
import fr.plateformecitoyens.adapters.dynamo.DynamoPersonDirectory;
import fr.plateformecitoyens.adapters.dynamo.DynamoRequestStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoTenantDirectory;
import fr.plateformecitoyens.adapters.forms.SchemaFormValidator;
import fr.plateformecitoyens.adapters.messaging.SesMailer;
import fr.plateformecitoyens.adapters.messaging.SqsEventPublisher;
import fr.plateformecitoyens.adapters.storage.S3DocumentStore;
import fr.plateformecitoyens.core.access.AccessJournal;
import fr.plateformecitoyens.core.access.AccessLog;
import fr.plateformecitoyens.core.booking.BookingStore;
import fr.plateformecitoyens.core.booking.Bookings;
import fr.plateformecitoyens.core.booking.Ledger;
import fr.plateformecitoyens.core.booking.ResourceCatalogue;
import fr.plateformecitoyens.core.legal.LegalFiles;
import fr.plateformecitoyens.core.person.PersonDirectory;
import fr.plateformecitoyens.core.message.MessageStore;
import fr.plateformecitoyens.core.inbox.InboxIndex;
import fr.plateformecitoyens.core.stats.StatisticsStore;
import fr.plateformecitoyens.core.port.Catalogue;
import fr.plateformecitoyens.core.port.DocumentRenderer;
import fr.plateformecitoyens.core.port.ProcedureVersions;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.household.HouseholdStore;
import fr.plateformecitoyens.core.port.DefinitionStore;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.Mailer;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.report.ApiKeys;
import fr.plateformecitoyens.core.report.ReportPhotos;
import fr.plateformecitoyens.core.report.ReportStore;
import fr.plateformecitoyens.core.report.Reports;
import fr.plateformecitoyens.core.request.AnswerCompletion;
import fr.plateformecitoyens.core.request.HouseholdAndDocuments;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The adapters a function needs, each built once and only when first asked for: a function that never
 * sends e-mail never builds an SES client, which keeps its cold start short.
 */
public final class Services {

    private final Supplier<DynamoDbClient> dynamo = memoize(AwsClients::dynamoDb);
    private final Supplier<String> table = memoize(() -> Config.required("TABLE_NAME"));
    private final Supplier<TenantDirectory> tenants =
            memoize(() -> new DynamoTenantDirectory(dynamo.get(), table.get()));
    private final Supplier<Catalogue> catalogue = memoize(() -> new DynamoCatalogue(dynamo.get(), table.get()));
    private final Supplier<RequestStore> requests = memoize(() -> new DynamoRequestStore(dynamo.get(), table.get()));
    private final Supplier<EventPublisher> events = memoize(() -> new SqsEventPublisher(AwsClients.sqs(),
            Config.required("EVENTS_QUEUE_URL")));
    private final Supplier<Mailer> mailer = memoize(() -> new SesMailer(AwsClients.ses(),
            Config.required("MAIL_SENDER")));
    private final Supplier<SchemaFormValidator> validator = memoize(SchemaFormValidator::new);
    private final Supplier<ResourceCatalogue> resources =
            memoize(() -> new DynamoResourceCatalogue(dynamo.get(), table.get()));
    private final Supplier<Ledger> ledger = memoize(() -> new DynamoLedger(dynamo.get(), table.get()));
    private final Supplier<BookingStore> bookings = memoize(() -> new DynamoBookingStore(dynamo.get(), table.get()));
    private final Supplier<S3Client> s3 = memoize(AwsClients::s3);
    private final Supplier<DocumentStore> documents = memoize(() -> new S3DocumentStore(s3.get(),
            AwsClients.s3Presigner(), Config.required("DOCUMENTS_BUCKET")));
    private final Supplier<MessageStore> messages =
            memoize(() -> new DynamoMessageStore(dynamo.get(), table.get()));
    private final Supplier<DefinitionStore> definitions =
            memoize(() -> new DynamoDefinitionStore(dynamo.get(), table.get()));
    private final Supplier<HouseholdStore> households =
            memoize(() -> new DynamoHouseholdStore(dynamo.get(), table.get()));
    private final Supplier<InboxIndex> inbox = memoize(() -> new DynamoInbox(dynamo.get(), table.get()));
    private final Supplier<StatisticsStore> statistics =
            memoize(() -> new DynamoStatistics(dynamo.get(), table.get()));
    private final Clock clock = new PlatformClock();
    private final Supplier<ReportStore> reportStore =
            memoize(() -> new DynamoReportStore(dynamo.get(), table.get()));
    private final Supplier<ApiKeys> apiKeys =
            memoize(() -> new ApiKeys(new DynamoApiKeyStore(dynamo.get(), table.get()), clock));
    private final Supplier<ProcedureVersions> procedureVersions =
            memoize(() -> new DynamoProcedureVersions(dynamo.get(), table.get()));
    // A lambda, not a constructor reference: the PDF library's classes load only when a document is rendered.
    private final Supplier<DocumentRenderer> renderer =
            memoize(() -> new fr.plateformecitoyens.adapters.pdf.PdfRenderer());
    private final Supplier<PersonDirectory> people =
            memoize(() -> new DynamoPersonDirectory(dynamo.get(), table.get()));
    private final Supplier<AccessLog> accessLog = memoize(() -> new DynamoAccessLog(dynamo.get(), table.get()));

    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    public String table() {
        return table.get();
    }

    public TenantDirectory tenants() {
        return tenants.get();
    }

    public Catalogue catalogue() {
        return catalogue.get();
    }

    public RequestStore requests() {
        return requests.get();
    }

    public EventPublisher events() {
        return events.get();
    }

    public Mailer mailer() {
        return mailer.get();
    }

    public SchemaFormValidator validator() {
        return validator.get();
    }

    public ResourceCatalogue resources() {
        return resources.get();
    }

    public Ledger ledger() {
        return ledger.get();
    }

    public BookingStore bookings() {
        return bookings.get();
    }

    /** The private bucket of documents: acknowledgements, decisions, uploads. */
    public DocumentStore documents() {
        return documents.get();
    }

    /** The S3 client, for functions that handle objects S3 announced (e.g. uploaded photos). */
    public S3Client s3() {
        return s3.get();
    }

    /** The booking use cases over this function's adapters. */
    public Bookings booking() {
        return new Bookings(resources(), ledger(), bookings(), events(), clock);
    }

    /** Every published version of the démarches, read one by one (a request is checked against its own). */
    public ProcedureVersions procedureVersions() {
        return procedureVersions.get();
    }

    /** The legal documents of requests, read from the document store or rendered there on first use. */
    public LegalFiles legalFiles() {
        return new LegalFiles(documents(), renderer);
    }

    /** The messages of requests' threads and the agents' internal notes. */
    public MessageStore messages() {
        return messages.get();
    }

    /** The agents' inbox views (index queries). */
    public InboxIndex inbox() {
        return inbox.get();
    }

    /** The monthly counters per tenant. */
    public StatisticsStore statistics() {
        return statistics.get();
    }

    public Clock clock() {
        return clock;
    }

    public ReportStore reportStore() {
        return reportStore.get();
    }

    /** The report use cases over this function's adapters. */
    public Reports reports() {
        return new Reports(tenants(), reportStore(), event -> events().publish(event), clock);
    }

    public ReportPhotos reportPhotos() {
        return new ReportPhotos(reportStore(), documents(), clock);
    }

    /** The Open311 keys of the tenants' client applications. */
    public ApiKeys apiKeys() {
        return apiKeys.get();
    }

    /** Démarche definitions: drafts, versions, what is published. */
    public DefinitionStore definitions() {
        return definitions.get();
    }

    /** Citizens' households (« Mon foyer »). */
    public HouseholdStore households() {
        return households.get();
    }

    /** What a citizen's own household-member and supporting-document answers become. */
    public AnswerCompletion answerCompletion() {
        return new HouseholdAndDocuments(households(), new Uploads(documents()),
                fr.plateformecitoyens.app.api.UploadApi::citizenOwner);
    }

    /**
     * The same for a request an agent files for someone: the household is the applicant's, the documents are
     * the ones {@code uploadOwner} (the agent) uploaded.
     */
    public AnswerCompletion answerCompletion(String uploadOwner) {
        return new HouseholdAndDocuments(households(), new Uploads(documents()), applicant -> uploadOwner);
    }

    public String portalUrl() {
        return Config.optional("PORTAL_URL").orElse("http://localhost:8080");
    }

    /** The tenants' directories of people reception agents file requests for. */
    public PersonDirectory people() {
        return people.get();
    }

    /** The journal of agents' reads of personal data, over this function's adapters. */
    public AccessJournal accessJournal() {
        return new AccessJournal(accessLog.get(), tenants(), clock);
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            result = factory.get();
                            value = result;
                        }
                    }
                }
                return result;
            }
        };
    }
}
