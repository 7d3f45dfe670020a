package org.cotejo.cases;

/** An observable two devices share, with how often each saw it. */
public record SharedObservable(String type, String value, long countA, long countB) {}
