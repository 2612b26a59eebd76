package dev.fabricscope.dissect;

import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.Packet;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@link Layers} is reused for every packet, and {@link Layers#reset} clears the rarely used groups only
 * after a packet that set them: whatever came before, a packet must dissect exactly as into fresh Layers.
 * Every sample frame, whole and cut inside its headers (so that failure paths run too), follows every other.
 */
class DissectorReuseTest {

    @Test
    void aPacketDissectsTheSameWhateverCameBefore() throws Exception {
        List<Packet> packets = packets();
        List<Field> fields = publicFields();
        Layers reused = new Layers();
        int compared = 0;
        for (Packet before : packets) {
            for (Packet p : packets) {
                Dissector.dissect(before, reused);
                Dissector.dissect(p, reused);
                Layers fresh = new Layers();
                Dissector.dissect(p, fresh);
                for (Field f : fields) {
                    Object want = visible(f, fresh);
                    Object got = visible(f, reused);
                    if (!want.equals(got)) {
                        fail(f.getName() + " differs after " + describe(before) + " then " + describe(p) + ": "
                            + got + " instead of " + want);
                    }
                }
                compared++;
            }
        }
        assertEquals(packets.size() * packets.size(), compared);
    }

    /** Every sample whole, and cut at each of its first 80 bytes. */
    private static List<Packet> packets() {
        List<Packet> out = new ArrayList<>();
        for (SampleFrames.Sample s : SampleFrames.ALL) {
            int n = s.bytes().length;
            out.add(Frames.packet(s.linkType(), s.bytes()));
            for (int cap = 0; cap < Math.min(n, 80); cap += 3) out.add(Frames.packet(s.linkType(), s.bytes(), cap));
        }
        return out;
    }

    private static List<Field> publicFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : Layers.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) out.add(f);
        }
        assertTrue(out.size() > 60, "Layers' public fields: " + out.size());
        return out;
    }

    /**
     * A field's value as a reader may see it: the tag and label arrays only up to their counts (entries
     * beyond the count are never read, and are not cleared).
     */
    private static Object visible(Field f, Layers l) throws IllegalAccessException {
        Object v = f.get(l);
        if (v instanceof int[] a) {
            int n = f.getName().startsWith("vlan") ? l.vlanCount : l.mplsCount;
            return Arrays.toString(Arrays.copyOf(a, n));
        }
        return String.valueOf(v);
    }

    private static String describe(Packet p) {
        for (SampleFrames.Sample s : SampleFrames.ALL) {
            if (s.bytes() == p.bytes()) return s.name() + " (caplen " + p.capLen() + ")";
        }
        return "?";
    }
}
