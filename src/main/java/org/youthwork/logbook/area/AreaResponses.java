package org.youthwork.logbook.area;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The areas as the API shows them. */
public final class AreaResponses {

    private AreaResponses() {
    }

    @Schema(name = "Country")
    public record CountryResponse(
            @Schema(examples = "SI", description = "ISO 3166-1 alpha-2") String code,
            @Schema(examples = "Slovenia") String name) {
        static CountryResponse from(Country c) {
            return new CountryResponse(c.code, c.name);
        }
    }

    @Schema(name = "Region")
    public record RegionResponse(
            @Schema(examples = "SI034", description = "NUTS 3 code in Slovenia, ISO 3166-2 district code in Bulgaria") String code,
            @Schema(examples = "Savinjska") String name,
            @Schema(examples = "SI") String country,
            @Schema(examples = "258908", description = "Total population (all ages); null when not known", nullable = true) Integer population) {
        static RegionResponse from(Region r) {
            return new RegionResponse(r.code, r.name, r.countryCode, r.population);
        }
    }

    @Schema(name = "Municipality")
    public record MunicipalityResponse(
            @Schema(examples = "SI-133", description = "ISO 3166-2 in Slovenia; BG- and the statistical code in Bulgaria") String code,
            @Schema(examples = "Velenje") String name,
            @Schema(examples = "SI034") String regionCode,
            @Schema(examples = "SI") String country,
            @Schema(examples = "33675", description = "Total population (all ages); null when not known", nullable = true) Integer population) {
        static MunicipalityResponse from(Municipality m) {
            return new MunicipalityResponse(m.code, m.name, m.regionCode, m.countryCode, m.population);
        }
    }
}
