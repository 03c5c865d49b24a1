package fr.plateformecitoyens.benchmark.bookings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The DynamoDB calls of one operation (or of a phase), with the capacity the emulator reported and the capacity
 * DynamoDB's rules give for the same items. Filled by {@link DynamoMeter} from the threads of one scope.
 */
final class Tally {

    /** One call, for the trace of a representative operation. */
    record Call(String operation, String target, boolean failed, int items, int bytes, double reported,
            double ruleTable, double ruleIndexes, boolean write) {
    }

    private final Map<String, Integer> calls = new TreeMap<>();
    private final List<Call> trace = new ArrayList<>();
    private int failedConditions;
    private int itemsRead;
    private double reportedRead;
    private double reportedWrite;
    private double ruleRead;
    private double ruleWriteTable;
    private double ruleWriteIndexes;

    synchronized void add(Call call) {
        calls.merge(call.operation(), 1, Integer::sum);
        trace.add(call);
        if (call.failed()) {
            failedConditions++;
        }
        if (call.write()) {
            reportedWrite += call.reported();
            ruleWriteTable += call.ruleTable();
            ruleWriteIndexes += call.ruleIndexes();
        } else {
            itemsRead += call.items();
            reportedRead += call.reported();
            ruleRead += call.ruleTable();
        }
    }

    synchronized int calls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    synchronized Map<String, Integer> byOperation() {
        return new TreeMap<>(calls);
    }

    synchronized List<Call> trace() {
        return List.copyOf(trace);
    }

    synchronized int failedConditions() {
        return failedConditions;
    }

    synchronized int itemsRead() {
        return itemsRead;
    }

    synchronized double reportedRead() {
        return reportedRead;
    }

    synchronized double reportedWrite() {
        return reportedWrite;
    }

    synchronized double ruleRead() {
        return ruleRead;
    }

    synchronized double ruleWriteTable() {
        return ruleWriteTable;
    }

    synchronized double ruleWriteIndexes() {
        return ruleWriteIndexes;
    }
}
