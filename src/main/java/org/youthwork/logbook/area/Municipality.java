package org.youthwork.logbook.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Cacheable
public class Municipality extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "country_code")
    public String countryCode;

    public String name;

    /** Total population, not the 15-29 group. */
    public Integer population;
}
