package dev.weft.reliability;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public methods of a class with their parameters' names and whether their javadoc allows
 * {@code null}, read from the source file: the classes are compiled without {@code -parameters}.
 */
final class PublicMethods {

    /** One parameter as the source declares it. */
    record Param(String type, String name, boolean nullable) {
    }

    /** One public method: reflective handle and declared parameters. */
    record Declared(Method method, List<Param> params) {
        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + params.stream().map(p -> p.type() + " " + p.name()).toList();
        }
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*\\bpublic\\s+[^;{=()]*?(\\w+)\\s*\\(",
            Pattern.DOTALL);
    private static final Pattern PARAM_DOC = Pattern.compile(
            "@param\\s+(\\w+)(.*?)(?=@param\\s|@return\\b|@throws\\b|@see\\b|@since\\b|\\*/|$)", Pattern.DOTALL);

    private PublicMethods() {
    }

    /**
     * @param source the class's source file
     * @param classes the class and its nested public classes declared in that file
     * @return every public, non-synthetic method of those classes, matched to its declaration
     * @throws IllegalStateException if a method cannot be matched (the parser needs a look)
     */
    static List<Declared> of(Path source, Class<?>... classes) throws IOException {
        String text = Files.readString(source);
        List<List<Param>> declarations = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = DECLARATION.matcher(text);
        while (m.find()) {
            int open = m.end() - 1;
            int close = text.indexOf(')', open);
            Map<String, Boolean> nullable = new HashMap<>();
            if (m.group(1) != null) {
                Matcher d = PARAM_DOC.matcher(m.group(1));
                while (d.find()) {
                    String doc = d.group(2).toLowerCase(Locale.ROOT);
                    nullable.put(d.group(1), doc.contains("null") && !doc.contains("never"));
                }
            }
            List<Param> params = new ArrayList<>();
            for (String raw : splitTopLevel(text.substring(open + 1, close))) {
                String p = raw.replaceAll("@\\w+(\\([^)]*\\))?", "").replace("final ", "").trim();
                if (p.isEmpty()) {
                    continue;
                }
                int space = p.lastIndexOf(' ');
                String name = p.substring(space + 1);
                String type = p.substring(0, space).trim();
                params.add(new Param(type, name, nullable.getOrDefault(name, false)));
            }
            names.add(m.group(2));
            declarations.add(params);
        }
        List<Declared> out = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method method : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                Declared found = null;
                for (int i = 0; i < names.size() && found == null; i++) {
                    if (names.get(i).equals(method.getName()) && matches(declarations.get(i), method)) {
                        found = new Declared(method, declarations.get(i));
                    }
                }
                if (found == null) {
                    throw new IllegalStateException("no declaration in " + source + " matches " + method);
                }
                out.add(found);
            }
        }
        return out;
    }

    private static boolean matches(List<Param> params, Method method) {
        Class<?>[] types = method.getParameterTypes();
        if (params.size() != types.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            String declared = rawSimple(params.get(i).type());
            boolean typeVariable = declared.length() <= 2 && Character.isUpperCase(declared.charAt(0));
            if (!typeVariable && !declared.equals(types[i].getSimpleName())) {
                return false;
            }
        }
        return true;
    }

    private static String rawSimple(String type) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char ch : type.toCharArray()) {
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (depth == 0) {
                sb.append(ch);
            }
        }
        String raw = sb.toString().replace("...", "[]").trim();
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    private static List<String> splitTopLevel(String params) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < params.length(); i++) {
            char ch = params.charAt(i);
            if (ch == '<') {
                depth++;
            } else if (ch == '>') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(params.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(params.substring(from));
        return parts;
    }
}
