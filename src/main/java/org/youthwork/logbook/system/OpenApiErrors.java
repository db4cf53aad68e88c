package org.youthwork.logbook.system;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Documents on every operation the answer any of them can give: a 500 problem with a correlation id. */
public class OpenApiErrors implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponse("500") == null) {
            operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
        }
        return operation;
    }
}
