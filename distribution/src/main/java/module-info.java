/**
 * The {@code weft} command line: {@code run}, {@code plugins} and {@code check}, and the bundled
 * example workflow (a random search over the noisy Branin function).
 *
 * <p>It exports nothing: it is an application. Its command classes are opened to picocli, which
 * reads their annotated fields reflectively.
 */
module dev.weft.cli {
    requires dev.weft.core;
    requires info.picocli;

    opens dev.weft.cli to info.picocli;

    // The ServiceLoader call that finds a workflow jar's Workflow is made from this module.
    uses dev.weft.Workflow;

    provides dev.weft.Workflow with dev.weft.cli.example.BraninSearch;
}
