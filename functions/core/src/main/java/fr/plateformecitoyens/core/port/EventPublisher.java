package fr.plateformecitoyens.core.port;

/** Hands events to whatever reacts to them, after the change they describe is stored. */
public interface EventPublisher {

    void publish(DomainEvent event);
}
