package fr.plateformecitoyens.core.procedure;

/**
 * What the administration's silence means once the period has run out: acceptance (SVA, CRPA L231-1)
 * or rejection (SVR, the exceptions of L231-4 and the decrees).
 */
public enum SilenceRule {
    SVA, SVR
}
