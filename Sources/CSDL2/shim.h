#ifndef SKYLT_CSDL2_SHIM_H
#define SKYLT_CSDL2_SHIM_H
#include <SDL2/SDL.h>

// Function-like macros Swift cannot import, re-exported as constants and functions.
static const int SKYLT_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int SKYLT_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;

static inline int skylt_BlitSurface(SDL_Surface *src, const SDL_Rect *srcrect, SDL_Surface *dst, SDL_Rect *dstrect) {
    return SDL_UpperBlit(src, srcrect, dst, dstrect);
}
#endif
