package org.cotejo.forensics.ios;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import java.io.IOException;
import org.cotejo.core.CotejoException;
import org.cotejo.forensics.module.ModuleContext;
import org.cotejo.forensics.module.SourceFile;

/**
 * Property-list artifacts whose root is a dictionary (preferences, caches, Info.plist...), read with
 * their problems reported one way, as {@link ModuleContext#eachDatabase} does for databases.
 */
public final class PlistFiles {
    private PlistFiles() {}

    /**
     * The root dictionary of {@code file}; null after reporting a file that is not a property list or
     * whose root is not a dictionary, as a problem that ends with {@code consequence} ("global
     * preferences skipped").
     */
    public static NSDictionary rootDictionary(ModuleContext ctx, SourceFile file, String consequence) throws IOException {
        NSObject root;
        try {
            root = ctx.plist(file);
        } catch (CotejoException e) {
            ctx.problem(file, e.getMessage() + "; " + consequence);
            return null;
        }
        if (root instanceof NSDictionary d) return d;
        ctx.problem(file, "the property list is not a dictionary; " + consequence);
        return null;
    }
}
