package dev.fabricscope.tcp;

/**
 * Counters of a {@link TcpReassembler} (a snapshot).
 *
 * @param flowsTracked       flows ever added to the table
 * @param flowsActive        flows in the table now
 * @param closedFin          flows closed by FIN in both directions
 * @param closedRst          flows closed by RST
 * @param evictedIdle        flows evicted after the idle timeout (packet time)
 * @param evictedCapacity    flows evicted because the table was full
 * @param duplicateSegments  segments whose bytes had all been delivered already (retransmissions)
 * @param outOfOrderSegments segments buffered because bytes before them were missing
 * @param resyncs            times a direction skipped missing bytes (buffer bound hit, or truncated capture)
 * @param bufferedBytes      out-of-order buffer bytes allocated now
 */
public record TcpReassemblyStats(long flowsTracked, int flowsActive, long closedFin, long closedRst, long evictedIdle,
                                 long evictedCapacity, long duplicateSegments, long outOfOrderSegments, long resyncs,
                                 long bufferedBytes) { }
