package fr.plateformecitoyens.core.booking;

/**
 * What a resource allows: how long in advance one books (at least {@code minNoticeMinutes}, at most
 * {@code maxNoticeDays}), until when one may cancel, how long one booking may last, and whether an agent
 * must approve each booking.
 */
public record BookingRules(int minNoticeMinutes, int maxNoticeDays, int cancelCutoffHours, int maxDurationMinutes,
        boolean approvalRequired) {

    public BookingRules {
        if (minNoticeMinutes < 0 || maxNoticeDays < 1 || cancelCutoffHours < 0 || maxDurationMinutes < 1) {
            throw new IllegalArgumentException("booking rules must be positive");
        }
    }
}
