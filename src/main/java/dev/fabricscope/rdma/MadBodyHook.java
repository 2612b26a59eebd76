package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;
import dev.fabricscope.json.JsonLine;

/**
 * The CM message body in {@code rdma decode}: after a frame's MAD header line (a MAD of class 0x07 CM),
 * {@code rdma decode} calls this to add the CM message decoded field by field. An interface because the
 * CM parser and its renderer live in package {@code rdma.cm}, which depends on this one
 * ({@code rdma.cm.CmMadBody}). The frame's bytes are still valid during the call
 * ({@link DecodedFrame.Transport#madOffset()}, {@link DecodedFrame.Transport#madAvailable()} locate the MAD).
 */
public interface MadBodyHook {

    /** Appends whole lines (each indented four spaces and ending in a newline), or nothing. */
    void appendText(StringBuilder out, Packet p, DecodedFrame.Transport t, boolean verbose);

    /** Adds fields to the frame's open JSON object, or nothing. */
    void appendJson(JsonLine json, Packet p, DecodedFrame.Transport t);
}
