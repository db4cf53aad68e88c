package org.youthwork.logbook.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * A code is taken only as written: Jackson would also take "ADMIN " or "ADMIN\u0000" for ADMIN (it trims a code it
 * does not find), so that what the contract calls an invalid value was accepted.
 */
class ExactCodes extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
        return new Exact(deserializer, type.getRawClass());
    }

    private static final class Exact extends DelegatingDeserializer {

        private final Class<?> codes;

        Exact(JsonDeserializer<?> delegate, Class<?> codes) {
            super(delegate);
            this.codes = codes;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Exact(delegate, codes);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                    throw InvalidFormatException.from(parser, "a code with blanks or control characters around it", text, codes);
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
