package org.cotejo.forensics.plist;

import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.nio.charset.StandardCharsets;
import org.cotejo.core.CotejoException;

/**
 * Property lists from evidence, binary or XML. XML documents that declare entities are refused before
 * parsing (no external entities, no entity expansion bombs); every failure names the file.
 */
public final class Plists {
    private Plists() {}

    /** Parses {@code bytes}; {@code where} names the source in messages. */
    public static NSObject parse(byte[] bytes, String where) {
        if (bytes.length == 0) throw new CotejoException(where + ": empty property list");
        if (looksLikeXml(bytes)) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
            if (head.contains("<!ENTITY") || head.contains("SYSTEM \"file:") || head.contains("SYSTEM 'file:")) {
                throw new CotejoException(where + ": property list declares XML entities, which are refused");
            }
        }
        try {
            NSObject o = looksLikeXml(bytes) ? xml(bytes) : PropertyListParser.parse(bytes);
            if (o == null) throw new CotejoException(where + ": not a property list");
            return o;
        } catch (CotejoException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CotejoException(where + ": unreadable property list (" + CotejoException.printable(why) + ")");
        }
    }

    /**
     * XML plists are parsed by a JDK parser configured here: no external entities or DTDs are loaded,
     * secure processing limits entity expansion, and errors become exceptions instead of lines printed
     * on stderr.
     */
    private static NSObject xml(byte[] bytes) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        f.setNamespaceAware(false);
        javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
        b.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return com.dd.plist.XMLPropertyListParser.parse(b.parse(new java.io.ByteArrayInputStream(bytes)));
    }

    private static boolean looksLikeXml(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
        while (i < b.length && Character.isWhitespace(b[i])) i++;
        return i < b.length && b[i] == '<';
    }
}
