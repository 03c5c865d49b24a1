package fr.plateformecitoyens.core.booking;

/** A kind of appointment of a service (e.g. « Dépôt d'une demande de passeport ») and how long it lasts. */
public record AppointmentType(String id, String name, int durationMinutes) {
}
