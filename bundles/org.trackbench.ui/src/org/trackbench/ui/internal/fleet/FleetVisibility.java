package org.trackbench.ui.internal.fleet;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.trackbench.core.fleet.FleetService;

import jakarta.inject.Inject;

/**
 * An add-on that shows the Fleet view to admins only: it is part of the window when an admin token is stored for the
 * server, and comes when one is stored in the preferences ({@link #update}).
 */
public final class FleetVisibility {

    static final String PART = "org.trackbench.ui.part.fleet";

    @Inject
    @Optional
    void fleetChanged(@Optional @Service FleetService fleet, MApplication application, EModelService models) {
        update(fleet, application, models, null);
    }

    /** Shows the Fleet view when an admin token is stored, brought to the front when {@code parts} is given. */
    public static void update(FleetService fleet, MApplication application, EModelService models, EPartService parts) {
        boolean admin = fleet != null && fleet.adminTokenSet();
        for (MPart part : models.findElements(application, PART, MPart.class)) {
            part.setToBeRendered(admin);
            if (admin && parts != null) {
                parts.showPart(part, EPartService.PartState.VISIBLE);
            }
        }
    }
}
