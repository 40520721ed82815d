/**
 * A weft workflow: the module provides one {@code dev.weft.Workflow}, which {@code weft run}
 * finds with the service loader after loading this jar in a module layer of its own.
 */
module com.example.squares {
    requires dev.weft.core;

    provides dev.weft.Workflow with com.example.squares.SquaresWorkflow;
}
