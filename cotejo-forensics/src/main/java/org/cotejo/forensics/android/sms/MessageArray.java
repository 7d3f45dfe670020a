package org.cotejo.forensics.android.sms;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Reads a telephony backup file, a zlib-compressed JSON array of message objects, one element at a time
 * with Jackson's streaming parser: a phone's whole message history is never held in memory. Damage
 * (a corrupt or cut-short zlib stream, broken JSON, text that is not UTF-8, an element that is not an
 * object) is reported as a problem naming the file, the element and the place in the decompressed JSON;
 * the messages read before it are kept.
 */
final class MessageArray {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives each message object with its index in the array. */
    @FunctionalInterface
    interface Reader {
        void message(long index, Map<String, Object> message);
    }

    private MessageArray() {}

    static String locator(long index) {
        return "JSON array element " + index;
    }

    static void read(ModuleContext ctx, SourceFile file, Reader reader) throws IOException {
        long index = 0;
        JsonLocation at = null;
        try (InputStream stored = new BufferedInputStream(ctx.open(file), 1 << 16);
             JsonParser p = JSON.getFactory().createParser(decompressed(stored))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                ctx.problem(file, "not a JSON array of messages (it starts with " + p.currentToken() + "); skipped");
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                at = p.currentTokenLocation();
                if (t == null) {
                    ctx.problem(file, "the JSON array ends early, after " + index + " messages");
                    return;
                }
                if (t != JsonToken.START_OBJECT) {
                    ctx.problem(file, locator(index) + " is " + t + ", not a message object; skipped");
                    p.skipChildren();
                    index++;
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> message = JSON.readValue(p, LinkedHashMap.class);
                reader.message(index++, message);
            }
        } catch (java.io.CharConversionException e) {
            ctx.problem(file, "not UTF-8 JSON text after " + index + " messages (" + e.getMessage() + "); the rest of the file is not read");
        } catch (ZipException | EOFException e) {
            ctx.problem(file, "the zlib stream is corrupt or cut short after " + index + " messages (" + e.getMessage()
                    + "); the rest of the file is not read");
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() != null ? e.getLocation() : at;
            ctx.problem(file, "broken JSON in " + locator(index) + (where == null ? "" : " at line " + where.getLineNr()
                    + ", column " + where.getColumnNr() + " of the decompressed text") + ": " + e.getOriginalMessage()
                    + "; the rest of the file is not read");
        }
    }

    /**
     * The JSON text: inflated when the file starts like a zlib stream (as Android writes it), else as it
     * is (a backup extracted and inflated by another tool).
     */
    private static InputStream decompressed(InputStream stored) throws IOException {
        stored.mark(2);
        int first = stored.read();
        int second = stored.read();
        stored.reset();
        boolean zlib = first >= 0 && second >= 0 && (first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0;
        return zlib ? new InflaterInputStream(stored) : stored;
    }
}
