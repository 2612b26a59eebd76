package dev.fabricscope.lacp;

/**
 * A change of one end's actor state, for {@code --timeline}.
 *
 * @param timeNanos packet time
 * @param frame     frame number
 * @param mac       the end's source MAC
 * @param system    its actor system
 * @param port      its actor port
 * @param oldState  state octet before (-1 for its first PDU)
 * @param newState  state octet after
 */
public record TimelineEntry(long timeNanos, long frame, long mac, long system, int port, int oldState, int newState) { }
