package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;

/** Every string of a request body is checked by {@link StorableText} as it is read, so the violation names its field. */
class StorableStrings extends StdScalarDeserializer<String> {

    /** Refusal of one string; Jackson adds the path of the field as it unwinds. */
    static final class Unstorable extends JsonMappingException {
        Unstorable(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    StorableStrings() {
        super(String.class);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw new Unstorable(parser, problem);
        }
        return text;
    }
}
