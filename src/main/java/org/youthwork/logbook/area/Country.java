package org.youthwork.logbook.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Cacheable
public class Country extends PanacheEntityBase {

    @Id
    public String code;

    public String name;
}
