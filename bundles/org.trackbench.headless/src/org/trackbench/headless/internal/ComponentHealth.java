package org.trackbench.headless.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;

/** Why a service is missing, as Declarative Services recorded it: a failed activation's reason, or what it waits for. */
final class ComponentHealth {

    private static final String CAUSED_BY = "Caused by: ";
    /** The cardinalities (as the DS specification writes them) of the references a component cannot start without. */
    private static final Set<String> MANDATORY = Set.of("1..1", "1..n");

    private final ServiceComponentRuntime runtime;

    ComponentHealth(ServiceComponentRuntime runtime) {
        this.runtime = runtime;
    }

    String why(Class<?> service) {
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (Arrays.asList(description.serviceInterfaces).contains(service.getName())) {
                for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                    if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "unavailable: " + failedDependency(description).orElseGet(() -> reason(configuration.failure));
                    }
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        return "unavailable: waiting for " + Arrays.stream(configuration.unsatisfiedReferences)
                                .map(reference -> reference.target == null ? reference.name : reference.name + " " + reference.target)
                                .collect(Collectors.joining(", "));
                    }
                }
                return "unavailable: not started (" + description.name + ")";
            }
        }
        return "unavailable: no bundle provides it";
    }

    /**
     * When a component failed because a service it must have failed to start (SCR then reports only that it could
     * not get the service): that service and its own reason. Optional references do not count: their failure does
     * not stop a component.
     */
    private Optional<String> failedDependency(ComponentDescriptionDTO dependent) {
        for (ReferenceDTO reference : dependent.references) {
            if (!MANDATORY.contains(reference.cardinality)) {
                continue;
            }
            for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
                if (!description.name.equals(dependent.name) && Arrays.asList(description.serviceInterfaces).contains(reference.interfaceName)) {
                    for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                        if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                            String name = reference.interfaceName.substring(reference.interfaceName.lastIndexOf('.') + 1);
                            return Optional.of("a service it needs (" + name + ") failed to start: "
                                    + reason(configuration.failure));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The message of the exception a component threw, without class names or stack trace. */
    private static String reason(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        // SCR wraps what the constructor threw in an InvocationTargetException: its first cause is the component's own.
        String line = failure.lines().filter(candidate -> candidate.startsWith(CAUSED_BY)).findFirst()
                .map(cause -> cause.substring(CAUSED_BY.length())).orElseGet(() -> failure.lines().findFirst().orElse(failure));
        int colon = line.indexOf(": ");
        return colon > 0 && line.substring(0, colon).matches("[\\w.$]+") ? line.substring(colon + 2) : line;
    }
}
