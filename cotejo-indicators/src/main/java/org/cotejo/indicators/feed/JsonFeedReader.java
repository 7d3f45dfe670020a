package org.cotejo.indicators.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.cotejo.core.CotejoException;

/**
 * The top level of a JSON feed, streamed: a STIX bundle ({@code {"type": "bundle", "objects": [...]}}),
 * a MISP export ({@code {"Event": {...}}}, {@code {"response": [{"Event": ...}, ...]}}, a list of
 * {@code {"Event": ...}}, or a bare event object as some projects publish). Which one it is follows
 * from the fields found, in whatever order they come; each STIX object or MISP attribute is read
 * into a tree on its own, never the whole file.
 */
final class JsonFeedReader {
    static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private final FeedLoad load;
    private final ObjectMapper mapper = new ObjectMapper();
    private StixBundle stix;
    private String topType;
    private MispEvent bareEvent;
    private boolean bareSeen;
    private boolean emptyResponse;
    private int events;

    JsonFeedReader(FeedLoad load) {
        this.load = load;
    }

    /** Reads the feed into the load and returns its format, {@code stix2} or {@code misp}. */
    String read(InputStream in) {
        JsonParser p = null;
        try (JsonParser parser = mapper.createParser(in)) {
            p = parser;
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) wrapper(p);
            } else if (first == JsonToken.START_OBJECT) {
                topLevelObject(p);
            } else {
                throw unexpected(load.file, p, "a JSON object or list");
            }
            if (p.nextToken() != null) throw unexpected(load.file, p, "the end of the file after the JSON value");
            return finish();
        } catch (StreamConstraintsException e) {
            JsonLocation at = p == null ? null : p.currentLocation();
            String where = at == null ? "" : " at line " + at.getLineNr();
            if (e.getMessage().contains("nesting depth")) {
                throw new CotejoException("JSON feed " + load.file + " is nested more than " + MAX_NESTING + " levels deep" + where);
            }
            throw new CotejoException("JSON feed " + load.file + " exceeds a parser limit" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            throw new CotejoException("feed " + load.file + " is not valid JSON" + position(at) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CotejoException("cannot read feed " + load.file + ": " + e.getMessage(), e);
        }
    }

    private void topLevelObject(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> topType = value.isScalarValue() ? p.getValueAsString() : null;
                case "objects" -> objects(p);
                case "Event" -> event(p);
                case "response" -> {
                    if (value != JsonToken.START_ARRAY) throw unexpected(load.file, p, "a list of {\"Event\": …} in 'response'");
                    emptyResponse = true; // a MISP search that found nothing is still a MISP feed
                    while (p.nextToken() != JsonToken.END_ARRAY) wrapper(p);
                }
                default -> {
                    if (bareEvent == null) bareEvent = new MispEvent(load, mapper);
                    boolean misp = name.equals("Attribute") || name.equals("Object") || name.equals("info");
                    if (bareEvent.field(name, p)) bareSeen |= misp;
                    else p.skipChildren();
                }
            }
        }
    }

    private void objects(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw unexpected(load.file, p, "a list in 'objects'");
        if (stix == null) stix = new StixBundle(load);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            stix.accept(mapper.readTree(p), line);
        }
    }

    /** One {@code {"Event": {...}}} element of a list. */
    private void wrapper(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw unexpected(load.file, p, "an {\"Event\": …} object");
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("Event")) {
                event(p);
                found = true;
            } else {
                p.skipChildren();
            }
        }
        if (!found) throw unexpected(load.file, p, "an \"Event\" field in each element");
    }

    private void event(JsonParser p) throws IOException {
        MispEvent event = new MispEvent(load, mapper);
        event.readObject(p);
        event.finish(++events);
    }

    private String finish() {
        boolean isStix = topType != null || stix != null;
        boolean isMisp = events > 0 || bareSeen || emptyResponse;
        if (isStix && isMisp) throw new CotejoException("feed " + load.file + " mixes a STIX bundle and MISP events; split it into one file each");
        if (isStix) {
            if (!"bundle".equals(topType)) {
                throw new CotejoException("STIX feed " + load.file + ": the top level is "
                        + (topType == null ? "an object without \"type\"" : "a '" + topType + "' object") + ", not a bundle ({\"type\": \"bundle\", \"objects\": [...]})");
            }
            if (stix == null) stix = new StixBundle(load);
            stix.finish();
            return "stix2";
        }
        if (isMisp) {
            if (bareSeen) bareEvent.finish(++events);
            return "misp";
        }
        throw new CotejoException("JSON feed " + load.file + " is neither a STIX 2.1 bundle ({\"type\": \"bundle\"}) nor a MISP event ({\"Event\": …})");
    }

    static CotejoException unexpected(String file, JsonParser p, String expected) {
        JsonToken t = p.currentToken();
        String found = t == null ? "the end of the file" : switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
        return new CotejoException("JSON feed " + file + position(p.currentTokenLocation()) + ": expected " + expected + ", found " + found);
    }

    private static String position(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
