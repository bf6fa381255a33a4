package dev.relaygate.relay.rollout;

import dev.relaygate.relay.judge.Verdict;

/**
 * Why a rollout was rolled back.
 *
 * @param automatic        true when the judge's breach triggered it
 * @param verdict          the breaching verdict with all its numbers; null for a manual rollback
 * @param fromPhase        the phase it was rolled back from
 * @param fromGreenWeight  green's weight just before the rollback
 */
public record RollbackEvidence(
        long atMillis,
        boolean automatic,
        String reason,
        Verdict verdict,
        Phase fromPhase,
        int fromStep,
        int fromGreenWeight) {}
