package fr.plateformecitoyens.local.emulators;

import java.net.URI;

/**
 * Where each emulated AWS service of the local cloud listens, and the settings every client needs to
 * talk to them (region, static credentials accepted by all of them).
 */
public record Endpoints(URI dynamodb, URI sqs, URI s3, URI cognito, URI ses, String region, String accessKeyId,
        String secretAccessKey) {

    /** The account id that the emulators' ARNs and the template's AWS::AccountId stand for. */
    public static final String ACCOUNT_ID = "000000000000";
}
