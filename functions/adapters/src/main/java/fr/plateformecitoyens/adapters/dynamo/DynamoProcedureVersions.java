package fr.plateformecitoyens.adapters.dynamo;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ProcedureCodec;
import fr.plateformecitoyens.core.port.ProcedureVersions;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads one immutable démarche version item (see {@link DynamoCatalogue#versionItem}) with one GetItem. */
public final class DynamoProcedureVersions implements ProcedureVersions {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProcedureVersions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Procedure> version(String tenantId, String procedureId, int version) {
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(Keys.tenant(tenantId), Keys.procedureVersion(procedureId, version)))).item();
        if (item == null || item.isEmpty() || !item.containsKey("definition")) {
            return Optional.empty();
        }
        return Optional.of(ProcedureCodec.read(Json.parse(item.get("definition").s())));
    }
}
