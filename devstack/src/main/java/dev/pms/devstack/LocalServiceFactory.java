package dev.pms.devstack;

import dev.pms.devstack.functions.FunctionRegistry;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;

/** Starts a {@link LocalService}; see {@link DevstackOptions#withService(LocalServiceFactory)}. */
@FunctionalInterface
public interface LocalServiceFactory {

    /**
     * Everything a service may need: the emulators, the template, what was provisioned, the functions, and the
     * options the devstack was started with.
     */
    record Context(LocalAws localAws, SamTemplate template, ProvisionedResources resources,
                   IntrinsicResolver resolver, FunctionRegistry functions, DevstackOptions options) {
    }

    LocalService start(Context context);
}
