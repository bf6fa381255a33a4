package dev.relaygate.reports.claims;

import java.nio.file.Path;
import java.util.List;

/** A claims file, read and checked: every claim's evidence exists and its expectation can be compared. */
public record ClaimsFile(Path file, List<Claim> claims) {
    public ClaimsFile {
        claims = List.copyOf(claims);
    }
}
